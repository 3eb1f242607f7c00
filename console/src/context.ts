import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { type Api, apiFor } from './api.js';
import type { Session } from './session.js';

export const SessionContext = createContext<Session | null>(null);

export const useSession = (): Session => {
  const session = useContext(SessionContext);
  if (!session) throw new Error('not signed in');
  return session;
};

/** The API as the signed-in operator, on one tenant. */
export const useApi = (tenant: string): Api => apiFor(useSession(), tenant);
