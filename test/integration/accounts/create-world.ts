// Shared setup for the account-create suites: a tenant of the file's own and an ACCEPTED person
// to hold the accounts.
import { type AccountsWorld, acceptedPerson, newWorld } from './helpers.js';

export const newHolderWorld = async (): Promise<{ world: AccountsWorld; holder: string }> => {
  const world = await newWorld('create');
  return { world, holder: await acceptedPerson(world.api) };
};
