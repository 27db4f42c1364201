import type { Channel } from '../../shared/core/channels.js';
import { useT } from '../i18n/index.js';

/** Line icons drawn inline (no icon font, no network), 24×24, stroked with the text colour. */
const paths: Record<Channel, string[]> = {
  mail: ['M3 6h18v12H3z', 'M3 6l9 7 9-7'],
  telephone: ['M6 3h3l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v3a3 3 0 0 1-3 3A15 15 0 0 1 3 6a3 3 0 0 1 3-3z'],
  sms: ['M4 5h16v11H9l-5 4z', 'M8 10h.01', 'M12 10h.01', 'M16 10h.01'],
  presse: ['M4 5h13v14H6a2 2 0 0 1-2-2z', 'M17 9h3v8a2 2 0 0 1-2 2', 'M7 8h7', 'M7 12h7', 'M7 15h5'],
  reseaux_sociaux: ['M18 8a3 3 0 1 0-3-3', 'M6 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z', 'M18 22a3 3 0 1 0 0-6 3 3 0 0 0 0 6z', 'M8.6 13.5l6.8 3.9', 'M15.4 6.6L8.6 10.5'],
  radio: ['M3 9h18v11H3z', 'M7 9l10-5', 'M15 14.5a2 2 0 1 0 0 .01', 'M6 13h4', 'M6 16h4'],
  portail: ['M3 4h18v14H3z', 'M3 8h18', 'M8 21h8', 'M12 18v3', 'M10 13l2-2 2 2'],
  visio: ['M3 7h12v10H3z', 'M15 10.5l6-3.5v10l-6-3.5'],
  note: ['M6 3h9l4 4v14H6z', 'M15 3v4h4', 'M9 11h7', 'M9 14h7', 'M9 17h4'],
};

/** A channel's icon and translated label ("Téléphone", "Réseaux sociaux"…). */
export function ChannelIcon({ channel, withLabel = true }: { channel: Channel; withLabel?: boolean }) {
  const { t } = useT();
  const label = t(`exercise.channel.${channel}`);
  return (
    <span className={`channel channel-${channel}`} data-channel={channel} title={label}>
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        {paths[channel].map((d) => (
          <path key={d} d={d} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        ))}
      </svg>
      {withLabel ? <span className="channel-label">{label}</span> : <span className="visually-hidden">{label}</span>}
    </span>
  );
}
