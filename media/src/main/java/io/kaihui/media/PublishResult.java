package io.kaihui.media;

import java.util.List;

/**
 * What answering a publish offer did.
 *
 * @param answerSdp the SDP answer for the browser
 * @param added producers created for newly offered tracks
 * @param removed producers closed because their tracks are no longer offered
 */
public record PublishResult(String answerSdp, List<Producer> added, List<Producer> removed) {}
