import { useTranslation } from 'react-i18next';
import { ControlButton } from './ControlButton';

/** CameraButton is "Turn camera off" while the camera is on and "Turn camera on" while it is off. */
export function CameraButton(props: {
  on: boolean;
  onToggle(): void;
  disabled?: boolean;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <ControlButton
      icon={props.on ? 'camera' : 'cameraOff'}
      label={props.on ? t('controls.cameraOff') : t('controls.cameraOn')}
      variant={props.on ? 'default' : 'off'}
      onClick={props.onToggle}
      disabled={props.disabled}
      compact={props.compact}
    />
  );
}
