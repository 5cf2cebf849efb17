/**
 * Where the main window goes: at most the screen's visual bounds, where it was last time when that is
 * still on a screen, moved back onto one when it is not (a monitor unplugged since). Headless — plain
 * rectangles, a small file in the data folder — so the arithmetic is unit-tested without a screen.
 */
package com.incidentconsole.placement;
