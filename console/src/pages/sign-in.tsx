import { useEffect, useState } from 'preact/hooks';
import { ApiError, localOperatorKey, signIn } from '../api.js';
import type { Session } from '../session.js';

/** The key goes from this field to sessionStorage and the Authorization header, nowhere else. */
export function SignIn(props: { onSignedIn: (session: Session) => void; notice?: string | null }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [prefilled, setPrefilled] = useState(false);
  useEffect(() => {
    document.title = 'Sign in · Bankline console';
    localOperatorKey().then((local) => {
      if (local) {
        setKey((current) => current || local);
        setPrefilled(true);
      }
    });
  }, []);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      props.onSignedIn(await signIn(key.trim()));
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? 'That key is not valid (unknown, revoked or mistyped).' : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" class="sign-in">
      <h1>Bankline console</h1>
      {props.notice ? (
        <p class="banner" role="status">
          {props.notice}
        </p>
      ) : null}
      <form onSubmit={submit}>
        <label for="key">Operator key</label>
        <input
          id="key"
          name="key"
          type="password"
          autoComplete="off"
          spellcheck={false}
          required
          value={key}
          onInput={(e) => setKey((e.target as HTMLInputElement).value)}
          aria-describedby="key-help"
        />
        <p id="key-help" class="muted">
          {prefilled
            ? 'Pre-filled with the local twin’s demo operator key.'
            : 'Create one with npm run keys -- create-operator --organization <id>. Kept for this tab only.'}
        </p>
        {error ? (
          <p class="problem" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy || !key.trim()}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
