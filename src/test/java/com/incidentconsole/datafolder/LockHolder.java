package com.incidentconsole.datafolder;

import java.nio.file.Path;
import java.time.Duration;

/** A process that takes a data folder and keeps it until it is killed: {@code LockHolder DIR}. */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        InstanceLock lock = InstanceLock.acquire(Path.of(args[0]));
        InstanceDoor.open(lock, knock -> System.out.println("KNOCK " + String.join(" ", knock)));
        System.out.println("LOCKED");
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(2));
    }
}
