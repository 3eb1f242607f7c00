import type { UseCaseScope } from '../shared/scope.js';
import type { CustomerStore, VerificationOutcomeListener } from './ports.js';

/** Everything a customers use-case needs from the outside, passed in so tests can supply it. */
export interface CustomersContext extends UseCaseScope {
  store: CustomerStore;
  /** Told of each verification outcome of a subject that holds accounts; absent where none listens. */
  onVerificationOutcome?: VerificationOutcomeListener;
}
