import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import type { Role } from '../../shared/core/roles.js';
import { useT } from '../i18n/index.js';

/** A link on `localhost` or a loopback address opens on this laptop only: scanned by a phone, it leads nowhere. */
export function isLoopbackLink(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\./.test(host);
}

/**
 * The join link as a QR code, drawn here (no network): on a projected screen or a laptop turned towards the
 * room, people join with their phone's camera instead of typing a code. A director's link is behind a button,
 * since whoever scans it directs the room: it should not sit on a projected screen by default.
 */
export function InvitationQr({ url, role }: { url: string; role: Role }) {
  const { t } = useT();
  const [shown, setShown] = useState(role !== 'director');
  const [large, setLarge] = useState(false);
  const [svg, setSvg] = useState<{ url: string; src: string } | null>(null);

  useEffect(() => {
    if (!shown) return;
    let live = true;
    // Margin 4 is the quiet zone the QR standard asks for: phone cameras read a code without it poorly.
    void QRCode.toString(url, { type: 'svg', margin: 4, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } }).then((text) => {
      if (live) setSvg({ url, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}` });
    });
    return () => {
      live = false;
    };
  }, [url, shown]);

  if (!shown) {
    return (
      <p className="invitation-qr-hidden">
        <button type="button" className="secondary small-button" onClick={() => setShown(true)} data-testid="invitation-qr-show">
          {t('exercise.invite.qrShow')}
        </button>{' '}
        <span className="muted small">{t('exercise.invite.qrDirector')}</span>
      </p>
    );
  }
  const caption = t('exercise.invite.qrCaption', { url });
  const size = large ? 320 : 160;
  return (
    <figure className="invitation-qr" data-testid="invitation-qr" data-url={url}>
      {/* The image waits for the code of this very link: a previous invitation's code is never shown under the new link. */}
      {svg?.url === url && <img src={svg.src} alt={caption} width={size} height={size} data-testid="invitation-qr-image" />}
      <figcaption>
        {caption}
        <button type="button" className="link" onClick={() => setLarge((l) => !l)} aria-pressed={large}>
          {large ? t('exercise.invite.qrSmaller') : t('exercise.invite.qrLarger')}
        </button>
      </figcaption>
      {isLoopbackLink(url) && (
        <p className="warn-text small" role="note" data-testid="invitation-qr-loopback">
          {t('exercise.invite.qrLoopback')}
        </p>
      )}
    </figure>
  );
}
