import { useEffect, useState } from 'react';
import { LocalMedia } from '../media/LocalMedia';
import { navigate } from '../navigation';
import type { JoinChoices } from './JoinChoices';
import { LeftScreen } from './LeftScreen';
import { MeetingScreen } from './MeetingScreen';
import { PreJoinScreen } from './PreJoinScreen';

type Phase =
  | { kind: 'prejoin' }
  | { kind: 'meeting'; choices: JoinChoices }
  | { kind: 'left'; choices: JoinChoices; rejoining: boolean };

/**
 * MeetingRoute (`/m/<number>`) goes from the pre-join screen to the meeting and, after leaving,
 * to the "You left the meeting" screen, from where "Rejoin" joins again with the same choices.
 * It owns my camera and microphone for all three.
 */
export function MeetingRoute({ meetingNumber }: { meetingNumber: string }) {
  const [media] = useState(() => new LocalMedia(navigator.mediaDevices));
  const [phase, setPhase] = useState<Phase>({ kind: 'prejoin' });
  // Media ends with the route (leaving the page or going home).
  useEffect(() => () => media.stop(), [media]);

  if (phase.kind === 'prejoin') {
    return (
      <PreJoinScreen
        meetingNumber={meetingNumber}
        media={media}
        onJoin={(choices) => setPhase({ kind: 'meeting', choices })}
      />
    );
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
