import { useEffect, useRef } from 'react';

/**
 * TrackVideo plays one video track in a muted `<video>` (sound goes through separate audio
 * elements). It stays in the page while hidden, so a track that comes back shows at once.
 */
export function TrackVideo(props: {
  track: MediaStreamTrack | null;
  visible: boolean;
  mirrored?: boolean;
  participantId?: string;
  className?: string;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  const { track } = props;
  useEffect(() => {
    const video = ref.current;
    if (video === null) return;
    if (track === null || typeof MediaStream === 'undefined') {
      video.srcObject = null;
      return;
    }
    video.srcObject = new MediaStream([track]);
    const playing = video.play() as Promise<void> | undefined;
    playing?.catch(() => {
      // Autoplay of a muted video is always allowed; a rejection means the element changed.
    });
    return () => {
      video.srcObject = null;
    };
  }, [track]);
  const classes = ['track-video', props.className, props.mirrored ? 'track-video--mirrored' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <video
      ref={ref}
      className={classes}
      hidden={!props.visible}
      autoPlay
      playsInline
      muted
      data-participant-id={props.participantId}
    />
  );
}
