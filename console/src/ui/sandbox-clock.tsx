import { useState } from 'preact/hooks';
import { useApi } from '../context.js';
import { useLoad } from './load.js';
import { When } from './widgets.js';

const DAY_SECONDS = 86_400;

/**
 * The tenant's sandbox clock and the console's one way to move it (a console action). On a
 * stage that is not a sandbox the read answers 403 and nothing is shown.
 */
export function SandboxClock({ tenant, onAdvanced }: { tenant: string; onAdvanced?: () => void }) {
  const api = useApi(tenant);
  const clock = useLoad(() => api.get<{ now: string }>('/v0/sandbox/clock'), [tenant]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!clock.data) return null;
  const advance = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/v0/sandbox/clock', { advance_seconds: DAY_SECONDS });
      clock.reload();
      onAdvanced?.();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <p class="clock">
      <span>
        Sandbox clock: <When iso={clock.data.now} />
      </span>
      <button type="button" onClick={advance} disabled={busy}>
        Advance 1 day
      </button>
      {error ? (
        <span class="problem" role="alert">
          {error}
        </span>
      ) : null}
    </p>
  );
}
