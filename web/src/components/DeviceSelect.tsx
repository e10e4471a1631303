import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from './Icon';

/** DeviceSelect picks one device of a kind ("Camera", "Microphone" or "Speaker"). */
export function DeviceSelect(props: {
  label: string;
  icon: IconName;
  devices: readonly MediaDeviceInfo[];
  value: string;
  onChange(deviceId: string): void;
  /** Offer "System default" (value '') as the first choice. */
  allowDefault?: boolean;
  disabled?: boolean;
  hint?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = useId();
  const { devices, allowDefault = false } = props;
  const empty = devices.length === 0 && !allowDefault;
  const known = devices.some((d) => d.deviceId === props.value);
  const value = known || (allowDefault && props.value === '') ? props.value : (devices[0]?.deviceId ?? '');
  return (
    <div className="field device-select">
      <label htmlFor={id}>
        <Icon name={props.icon} size={16} />
        {props.label}
      </label>
      <select
        id={id}
        value={value}
        disabled={props.disabled || empty}
        aria-describedby={props.hint ? hintId : undefined}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {allowDefault && <option value="">{t('prejoin.defaultDevice')}</option>}
        {empty && <option value="">{t('prejoin.noDevices')}</option>}
        {devices.map((device, index) => (
          <option key={device.deviceId} value={device.deviceId}>
            {device.label || t('prejoin.device', { kind: props.label, index: index + 1 })}
          </option>
        ))}
      </select>
      {props.hint && (
        <p id={hintId} className="hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}
