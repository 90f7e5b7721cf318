import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';

export const UDID_PATTERN = /^[A-Z]{2}[0-9]{16}$/;

function invalid(message: string): never {
  throw new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/**
 * A literal in the query text is checked by GraphQL's validation, which gives a plain error the
 * literal's location (a GraphQLError of our own would be reported without one).
 */
function literal<T>(parse: (value: unknown) => T, read: (ast: ValueNode) => unknown) {
  return (ast: ValueNode): T => {
    try {
      return parse(read(ast));
    } catch (e) {
      throw new Error((e as Error).message);
    }
  };
}

function parseUdid(value: unknown): string {
  if (typeof value !== 'string' || !UDID_PATTERN.test(value)) {
    invalid('A UDID is 18 characters: 2 capital letters (state) then 16 digits, e.g. "MH0110520010000012". Check the number and try again.');
  }
  return value;
}

/** UDID number: 18 characters, ^[A-Z]{2}[0-9]{16}$ (DESIGN.md §6). */
export const UdidScalar = new GraphQLScalarType({
  name: 'UDID',
  description: 'Unique Disability ID: 18 characters, ^[A-Z]{2}[0-9]{16}$ (state, district, CMO, disability type, year of birth, running number, check digit)',
  serialize: (v) => v,
  parseValue: parseUdid,
  parseLiteral: literal(parseUdid, (ast) => ast.kind === Kind.STRING ? ast.value : undefined),
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;
function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value + 'T00:00:00Z')) ||
      new Date(value + 'T00:00:00Z').toISOString().slice(0, 10) !== value) {
    invalid('Dates are calendar dates written YYYY-MM-DD, e.g. "1990-04-17".');
  }
  return value;
}

/** A calendar date 'YYYY-MM-DD', with no time or zone. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD',
  serialize: (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  parseValue: parseDate,
  parseLiteral: literal(parseDate, (ast) => ast.kind === Kind.STRING ? ast.value : undefined),
});
