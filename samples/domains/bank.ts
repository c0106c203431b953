/**
 * A bank, written as a Purestream domain module: accounts with an overdraft limit, deposits,
 * withdrawals and transfers between two accounts. Bring your own rules: open this file in the app
 * (Open domain…) or name it in a scenario (`"domain": "./bank.ts"`), change a rule, and watch
 * what the change would have changed (`purestream compare bank.scenario.json --against
 * bank-v2.ts`, or the app's Rule change view). Written only against `purestream/domain`.
 */
import { accept, reject, type Command, type CommandEnvelope, type Decider, type Decision, type DomainEvent, type StateView } from 'purestream/domain';

// ------------------------------------------------------------------ state and events

/** One account: its own stream, `account:<id>`. */
export interface Account {
  readonly accountId: string;
  readonly balance: number;
  readonly overdraftLimit: number;
  readonly owner: string;
}

export type AccountOpened = DomainEvent<'AccountOpened', { accountId: string; owner: string; overdraftLimit: number }>;
export type MoneyDeposited = DomainEvent<'MoneyDeposited', { accountId: string; amount: number }>;
export type MoneyWithdrawn = DomainEvent<'MoneyWithdrawn', { accountId: string; amount: number }>;
export type TransferSent = DomainEvent<'TransferSent', { from: string; to: string; amount: number }>;
export type TransferReceived = DomainEvent<'TransferReceived', { from: string; to: string; amount: number }>;
export type BankEvent = AccountOpened | MoneyDeposited | MoneyWithdrawn | TransferSent | TransferReceived;

const stream = (accountId: string) => `account:${accountId}`;

/** The stream an event belongs to: the account it changes. */
function streamOf(event: BankEvent): string {
  switch (event.type) {
    case 'TransferSent':
      return stream(event.data.from);
    case 'TransferReceived':
      return stream(event.data.to);
    default:
      return stream(event.data.accountId);
  }
}

const moved = (account: Account | undefined, delta: number): Account => ({ ...account!, balance: account!.balance + delta });

/** Folds one event into its account. */
function evolve(account: Account | undefined, event: BankEvent): Account {
  switch (event.type) {
    case 'AccountOpened':
      return { accountId: event.data.accountId, balance: 0, overdraftLimit: event.data.overdraftLimit, owner: event.data.owner };
    case 'MoneyDeposited':
    case 'TransferReceived':
      return moved(account, event.data.amount);
    case 'MoneyWithdrawn':
    case 'TransferSent':
      return moved(account, -event.data.amount);
  }
}

// ------------------------------------------------------------------ commands and decide

export type OpenAccount = Command<'OpenAccount', { accountId: string; owner: string; overdraftLimit?: number }>;
export type Deposit = Command<'Deposit', { accountId: string; amount: number }>;
export type Withdraw = Command<'Withdraw', { accountId: string; amount: number }>;
export type Transfer = Command<'Transfer', { from: string; to: string; amount: number }>;
export type BankCommand = OpenAccount | Deposit | Withdraw | Transfer;

type State = StateView<Account>;
const accountOf = (state: State, accountId: string) => state.get(stream(accountId));
/** What an account can still pay out: its balance plus its overdraft limit. */
const available = (account: Account) => account.balance + account.overdraftLimit;

function openAccount({ data }: CommandEnvelope<OpenAccount>, state: State): Decision<BankEvent> {
  if (accountOf(state, data.accountId)) return reject('account-exists', `account ${data.accountId} is already open`);
  return accept({ type: 'AccountOpened', data: { accountId: data.accountId, owner: data.owner, overdraftLimit: data.overdraftLimit ?? 0 } });
}

function deposit({ data }: CommandEnvelope<Deposit>, state: State): Decision<BankEvent> {
  if (!accountOf(state, data.accountId)) return reject('unknown-account', `no account ${data.accountId}`);
  return accept({ type: 'MoneyDeposited', data: { accountId: data.accountId, amount: data.amount } });
}

function withdraw({ data }: CommandEnvelope<Withdraw>, state: State): Decision<BankEvent> {
  const account = accountOf(state, data.accountId);
  if (!account) return reject('unknown-account', `no account ${data.accountId}`);
  if (data.amount > available(account)) return reject('insufficient-funds', `${data.accountId} can pay out ${available(account)}, not ${data.amount}`);
  return accept({ type: 'MoneyWithdrawn', data: { accountId: data.accountId, amount: data.amount } });
}

function transfer({ data }: CommandEnvelope<Transfer>, state: State): Decision<BankEvent> {
  if (data.from === data.to) return reject('same-account', 'a transfer needs two different accounts');
  const from = accountOf(state, data.from);
  if (!from) return reject('unknown-account', `no account ${data.from}`);
  if (!accountOf(state, data.to)) return reject('unknown-account', `no account ${data.to}`);
  if (data.amount > available(from)) return reject('insufficient-funds', `${data.from} can pay out ${available(from)}, not ${data.amount}`);
  const { from: source, to, amount } = data;
  return accept({ type: 'TransferSent', data: { from: source, to, amount } }, { type: 'TransferReceived', data: { from: source, to, amount } });
}

/** Decides a bank command against the accounts it reads. */
function decide(command: CommandEnvelope<BankCommand>, state: State): Decision<BankEvent> {
  switch (command.type) {
    case 'OpenAccount':
      return openAccount(command, state);
    case 'Deposit':
      return deposit(command, state);
    case 'Withdraw':
      return withdraw(command, state);
    case 'Transfer':
      return transfer(command, state);
  }
}

// ------------------------------------------------------------------ the module

const id = { type: 'string', minLength: 1, description: 'account id' } as const;
const amount = { type: 'integer', minimum: 1, description: 'amount in cents' } as const;
const transferData = { type: 'object', properties: { from: id, to: id, amount }, required: ['from', 'to', 'amount'], additionalProperties: false } as const;

const bank: Decider<BankCommand, BankEvent, Account> = {
  id: 'bank',
  title: 'Bank',
  summary: 'Accounts with an overdraft limit: deposits, withdrawals and transfers between two accounts.',
  decide,
  evolve,
  streamOf,
  commandSchemas: {
    OpenAccount: {
      type: 'object',
      properties: { accountId: id, owner: { type: 'string', minLength: 1, description: 'who owns it' }, overdraftLimit: { type: 'integer', minimum: 0, default: 0, description: 'how far below zero it may go' } },
      required: ['accountId', 'owner'],
      additionalProperties: false,
    },
    Deposit: { type: 'object', properties: { accountId: id, amount }, required: ['accountId', 'amount'], additionalProperties: false },
    Withdraw: { type: 'object', properties: { accountId: id, amount }, required: ['accountId', 'amount'], additionalProperties: false },
    Transfer: transferData,
  },
  eventSchemas: {
    AccountOpened: {
      type: 'object',
      properties: { accountId: id, owner: { type: 'string' }, overdraftLimit: { type: 'integer', minimum: 0 } },
      required: ['accountId', 'owner', 'overdraftLimit'],
      additionalProperties: false,
    },
    MoneyDeposited: { type: 'object', properties: { accountId: id, amount }, required: ['accountId', 'amount'], additionalProperties: false },
    MoneyWithdrawn: { type: 'object', properties: { accountId: id, amount }, required: ['accountId', 'amount'], additionalProperties: false },
    TransferSent: transferData,
    TransferReceived: transferData,
  },
  // every account a command may touch: a transfer holds both, the paying one first
  partitionKey(command) {
    switch (command.type) {
      case 'Transfer':
        return [stream(command.data.from), stream(command.data.to)];
      default:
        return stream(command.data.accountId);
    }
  },
  invariants: [
    {
      name: 'within-overdraft-limit',
      description: 'no balance is below minus its overdraft limit',
      violation: (_stream, a) => (a.balance < -a.overdraftLimit ? `${a.accountId} has ${a.balance}, below its overdraft limit of ${a.overdraftLimit}` : undefined),
    },
  ],
  // capacity-aware admits withdrawals and outgoing transfers while their sum fits what the account can pay out
  capacity: {
    capacityOf: (key, state) => {
      const account = state.get(key);
      return account ? available(account) : 0;
    },
    demandOf: (command) => (command.type === 'Withdraw' || command.type === 'Transfer' ? command.data.amount : 0),
  },
};

export default bank;
