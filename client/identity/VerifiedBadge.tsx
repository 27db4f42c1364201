import { provenanceOf, type ActorIdentity } from '../../shared/identity/identity.js';
import { useT } from '../i18n/index.js';
import './identity.css';

/**
 * « ✓ ProConnect · eidas1 » beside a name a provider vouched for, its full provenance (« vérifié par ProConnect,
 * niveau eidas1 ») as the tooltip and what a screen reader says: in a crisis room, who is who must be plain.
 */
export function VerifiedBadge({ identity }: { identity: ActorIdentity }) {
  const { lang } = useT();
  const provenance = provenanceOf(identity, lang);
  return (
    <span className="verified-badge" role="img" title={provenance} aria-label={provenance} data-testid="verified-badge">
      ✓ {identity.provider}
      {identity.acr ? ` · ${identity.acr}` : ''}
    </span>
  );
}
