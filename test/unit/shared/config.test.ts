import { afterEach, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../../functions/functions.js';
import {
  checkedHandler,
  ConfigError,
  configFor,
  readFunctionConfig,
  readVariable,
  resetConfigForTests,
} from '../../../functions/shared/config.js';

const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:bankline-dev/page-token-AbCdEf';
const LOCAL_SECRET = 'ab'.repeat(32);
/** Every registry variable set, AWS style. */
const COMPLETE = {
  TABLE_NAME: 'bankline-dev',
  PAGE_TOKEN_SECRET_ARN: ARN,
  VENDOR_ENVIRONMENT: 'sandbox',
  PLAID_BASE_URL: 'https://sandbox.plaid.com',
  FINICITY_BASE_URL: 'https://api.finicity.com',
  VENDOR_CREDENTIALS_SECRET_ARN: ARN,
  VENDOR_TOKEN_KEY_SECRET_ARN: ARN,
  DELIVERY_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/bankline-dev-webhook-deliveries',
  CLOSURE_STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:123456789012:stateMachine:bankline-dev-closure',
};

const failure = (run: () => unknown): ConfigError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
};

describe('readFunctionConfig: exactly the variables the registry entry lists', () => {
  it('reads only TABLE_NAME for the authorizer, which needs no page-token secret', () => {
    expect(readFunctionConfig('authorizer', { TABLE_NAME: 'bankline-dev' })).toEqual({
      functionName: 'authorizer',
      values: { TABLE_NAME: 'bankline-dev' },
    });
  });

  it('names the function and the missing variable', () => {
    const error = failure(() => readFunctionConfig('customers', { TABLE_NAME: 'bankline-dev' }));
    expect(error.message).toMatch(/^function customers is misconfigured: PAGE_TOKEN_SECRET_ARN is not set/);
    expect(error.message).not.toContain('TABLE_NAME');
  });

  it('reports every missing variable at once', () => {
    const error = failure(() => readFunctionConfig('accounts', {}));
    expect(error.message).toContain('TABLE_NAME is not set');
    expect(error.message).toContain('PAGE_TOKEN_SECRET_ARN is not set');
  });

  it('rejects values of the wrong shape', () => {
    expect(failure(() => readFunctionConfig('authorizer', { TABLE_NAME: 'ab' })).message).toContain('3 or more characters');
    expect(failure(() => readFunctionConfig('customers', { ...COMPLETE, PAGE_TOKEN_SECRET_ARN: 'page-token' })).message).toContain(
      'not a Secrets Manager secret ARN',
    );
  });

  it('fails on a name that is not in the registry', () => {
    expect(() => readFunctionConfig('payments', COMPLETE)).toThrow(/no function named payments/);
  });

  it.each(FUNCTIONS.map((fn) => [fn.name, fn.env] as const))('%s starts with its variables and names each one it lacks', (name, env) => {
    expect(Object.keys(readFunctionConfig(name, COMPLETE).values).sort()).toEqual([...env].sort());
    for (const variable of env) {
      const { [variable]: _dropped, ...rest } = COMPLETE;
      expect(failure(() => readFunctionConfig(name, rest)).message).toContain(`${variable} is not set`);
    }
  });
});

describe('the page-token secret', () => {
  it('comes from Secrets Manager in AWS', () => {
    expect(readVariable('PAGE_TOKEN_SECRET_ARN', { PAGE_TOKEN_SECRET_ARN: ARN })).toEqual({ kind: 'secrets-manager', arn: ARN });
  });

  it('is handed in directly by the twin and the tests (PAGE_TOKEN_SECRET), which wins over an ARN', () => {
    expect(readVariable('PAGE_TOKEN_SECRET_ARN', { PAGE_TOKEN_SECRET: LOCAL_SECRET })).toEqual({ kind: 'value', value: LOCAL_SECRET });
    expect(readVariable('PAGE_TOKEN_SECRET_ARN', { PAGE_TOKEN_SECRET: LOCAL_SECRET, PAGE_TOKEN_SECRET_ARN: ARN })).toEqual({
      kind: 'value',
      value: LOCAL_SECRET,
    });
  });

  it('refuses a short local secret without ever printing it', () => {
    const error = failure(() => readVariable('PAGE_TOKEN_SECRET_ARN', { PAGE_TOKEN_SECRET: 'hunter2-hunter2' }));
    expect(error.message).toContain('at least 32 characters');
    expect(error.message).not.toContain('hunter2');
  });
});

describe('configFor and checkedHandler (process environment, once per cold start)', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const name of ['TABLE_NAME', 'PAGE_TOKEN_SECRET', 'PAGE_TOKEN_SECRET_ARN']) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    resetConfigForTests();
  });

  it('keeps a valid configuration for the life of the container', () => {
    Object.assign(process.env, { TABLE_NAME: 'bankline-dev', PAGE_TOKEN_SECRET: LOCAL_SECRET });
    const first = configFor('customers');
    delete process.env.TABLE_NAME;
    expect(configFor('customers')).toBe(first);
  });

  it('does not keep a failure: the next invocation sees a fixed environment', () => {
    delete process.env.PAGE_TOKEN_SECRET;
    delete process.env.PAGE_TOKEN_SECRET_ARN;
    process.env.TABLE_NAME = 'bankline-dev';
    expect(() => configFor('accounts')).toThrow(ConfigError);
    process.env.PAGE_TOKEN_SECRET_ARN = ARN;
    expect(configFor('accounts').values.PAGE_TOKEN_SECRET_ARN).toEqual({ kind: 'secrets-manager', arn: ARN });
  });

  it('rejects the invocation before the handler runs when the function is misconfigured', async () => {
    delete process.env.TABLE_NAME;
    let ran = false;
    const handler = checkedHandler('authorizer', async (event: { n: number }) => {
      ran = true;
      return event.n + 1;
    });
    await expect(handler({ n: 1 })).rejects.toThrow(/function authorizer is misconfigured: TABLE_NAME is not set/);
    expect(ran).toBe(false);
    process.env.TABLE_NAME = 'bankline-dev';
    await expect(handler({ n: 1 })).resolves.toBe(2);
  });
});
