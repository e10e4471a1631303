import { useEffect, useRef } from 'react';

type SinkableAudio = HTMLAudioElement & { setSinkId?(sinkId: string): Promise<void> };

/**
 * RemoteAudio plays one participant's audio track through an `<audio>` element, on the chosen
 * speaker where the browser supports setSinkId ('' is the system default).
 */
export function RemoteAudio(props: { participantId: string; track: MediaStreamTrack; speakerId: string }) {
  const ref = useRef<SinkableAudio>(null);
  const { track, speakerId } = props;
  useEffect(() => {
    const audio = ref.current;
    if (audio === null || typeof MediaStream === 'undefined') return;
    audio.srcObject = new MediaStream([track]);
    const playing = audio.play() as Promise<void> | undefined;
    playing?.catch(() => {
      // Blocked until the page gets a user gesture; joining was one, so this is rare.
    });
    return () => {
      audio.srcObject = null;
    };
  }, [track]);
  useEffect(() => {
    const audio = ref.current;
    if (audio?.setSinkId === undefined) return;
    audio.setSinkId(speakerId).catch(() => {
      // The speaker went away: the browser keeps playing on the default one.
    });
  }, [speakerId]);
  return <audio ref={ref} autoPlay data-participant-id={props.participantId} />;
}
