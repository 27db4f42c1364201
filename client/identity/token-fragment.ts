import { tokenFragmentKey } from '../../shared/identity/rest.js';

/**
 * The session token the server's sign-in callback handed this page in the URL fragment (`#token=…`), or null.
 * Pure: React may call a state initializer twice; {@link dropFragment} removes it from the address.
 */
export function fragmentToken(): string | null {
  const token = new URLSearchParams(location.hash.slice(1)).get(tokenFragmentKey);
  return token && token.length > 0 ? token : null;
}

/**
 * Removes the fragment from the address bar and from this history entry, so that the token is not bookmarked,
 * shared with a screenshot of the address, or found again with the back button.
 */
export function dropFragment(): void {
  if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
}
