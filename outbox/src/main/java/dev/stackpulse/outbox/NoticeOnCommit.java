package dev.stackpulse.outbox;

/** Fired by OutboxWriter in the writing transaction; observed after a successful commit to fire the ChangeNotice. */
record NoticeOnCommit(ChangeNotice notice) {
}
