package dev.stackpulse.events;

/** A Kafka record that does not follow the event contract; the message says which attribute and why. */
public class InvalidCloudEventException extends RuntimeException {

    public InvalidCloudEventException(String message) {
        super(message);
    }
}
