/**
 * The app's data folder as a whole: owner-only files and folders (the store holds incident data and the
 * outbox), one process per folder ({@link com.incidentconsole.datafolder.InstanceLock}), the loopback door a
 * second start uses to ask the running one to come forward ({@link com.incidentconsole.datafolder.InstanceDoor}),
 * and clean-up of what a killed process left behind. Headless: the desktop app and the command line share it.
 */
package com.incidentconsole.datafolder;
