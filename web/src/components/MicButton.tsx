import { useTranslation } from 'react-i18next';
import { ControlButton } from './ControlButton';

/** MicButton is "Mute" while the microphone is on and "Unmute" while it is muted. */
export function MicButton(props: {
  muted: boolean;
  onToggle(): void;
  disabled?: boolean;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <ControlButton
      icon={props.muted ? 'micOff' : 'mic'}
      label={props.muted ? t('controls.unmute') : t('controls.mute')}
      variant={props.muted ? 'off' : 'default'}
      onClick={props.onToggle}
      disabled={props.disabled}
      compact={props.compact}
    />
  );
}
