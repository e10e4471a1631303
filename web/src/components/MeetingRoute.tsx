import { useCallback, useEffect, useState } from 'react';
import { LocalMedia } from '../media/LocalMedia';
import { navigate } from '../navigation';
import { EndedScreen } from './EndedScreen';
import type { JoinChoices } from './JoinChoices';
import { LeftScreen } from './LeftScreen';
import { MeetingScreen } from './MeetingScreen';
import { PreJoinScreen } from './PreJoinScreen';

type Phase =
  | { kind: 'prejoin'; signInRequired: boolean }
  | { kind: 'meeting'; choices: JoinChoices }
  | { kind: 'left'; choices: JoinChoices; rejoining: boolean }
  | { kind: 'ended'; by: string };

/**
 * MeetingRoute (`/m/<number>`) goes from the pre-join screen to the meeting and, after leaving,
 * to the "You left the meeting" screen, from where "Rejoin" joins again with the same choices.
 * When the host ends the meeting for everyone it shows "Meeting ended" (no rejoining); when the
 * server refuses me as a guest it goes back to the pre-join screen, which asks me to sign in.
 * It owns my camera and microphone for all of them.
 */
export function MeetingRoute({ meetingNumber }: { meetingNumber: string }) {
  const [media] = useState(() => new LocalMedia(navigator.mediaDevices));
  const [phase, setPhase] = useState<Phase>({ kind: 'prejoin', signInRequired: false });
  // Media ends with the route (leaving the page or going home).
  useEffect(() => () => media.stop(), [media]);
  const onEnded = useCallback(
    (by: string) => {
      media.stop();
      setPhase({ kind: 'ended', by });
    },
    [media],
  );
  const onSignInRequired = useCallback(() => setPhase({ kind: 'prejoin', signInRequired: true }), []);

  if (phase.kind === 'prejoin') {
    return (
      <PreJoinScreen
        meetingNumber={meetingNumber}
        media={media}
        signInRequired={phase.signInRequired}
        onJoin={(choices) => setPhase({ kind: 'meeting', choices })}
      />
    );
  }
  if (phase.kind === 'ended') {
    return <EndedScreen meetingNumber={meetingNumber} by={phase.by} onHome={() => navigate('/')} />;
  }
  if (phase.kind === 'meeting') {
    return (
      <MeetingScreen
        meetingNumber={meetingNumber}
        choices={phase.choices}
        media={media}
        onLeft={(choices) => {
          media.stop();
          setPhase({ kind: 'left', choices, rejoining: false });
        }}
        onEnded={onEnded}
        onSignInRequired={onSignInRequired}
      />
    );
  }
  const rejoin = async () => {
    const { choices } = phase;
    setPhase({ kind: 'left', choices, rejoining: true });
    const state = await media.start({
      audio: true,
      video: choices.cameraOn,
      microphoneId: choices.microphoneId,
      cameraId: choices.cameraId,
    });
    setPhase({ kind: 'meeting', choices: { ...choices, cameraOn: state.videoTrack !== null } });
  };
  return (
    <LeftScreen
      meetingNumber={meetingNumber}
      rejoining={phase.rejoining}
      onRejoin={() => void rejoin()}
      onHome={() => navigate('/')}
    />
  );
}
