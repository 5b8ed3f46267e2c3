package io.streambench.driver;

import io.streambench.driver.workload.Conversation;
import io.streambench.driver.workload.PlannedRequest;

/**
 * A request ready to send: its plan and its encoded body, made before its send time off the event loops; in a
 * conversation, also the session it is a turn of, which plans the next turn from this one's answer.
 *
 * @param plan    what the workload planned
 * @param body    the encoded body; never modified once made (retries send it again)
 * @param session the conversation, or null outside conversations
 */
record Prepared(PlannedRequest plan, byte[] body, Conversation session) {
}
