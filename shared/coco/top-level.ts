import { TokenType } from '@streamparser/json';

/**
 * Watches the parser's tokens for what the path-filtered parser does not say: whether the
 * top level is an object, which of `images`, `annotations` and `categories` it has, and the
 * JSON type of each. Costs one depth counter per token; nothing is kept.
 */

export const COCO_LISTS = ['images', 'annotations', 'categories'] as const;
export type CocoListName = (typeof COCO_LISTS)[number];

// Read once: the package's CommonJS build exposes the enum through getters, and this runs for
// every token of the file.
const LEFT_BRACE = TokenType.LEFT_BRACE;
const RIGHT_BRACE = TokenType.RIGHT_BRACE;
const LEFT_BRACKET = TokenType.LEFT_BRACKET;
const RIGHT_BRACKET = TokenType.RIGHT_BRACKET;
const STRING = TokenType.STRING;
const COLON = TokenType.COLON;
const COMMA = TokenType.COMMA;

export type JsonType = 'list' | 'null' | 'object' | 'string' | 'number' | 'boolean';

export interface TopLevelEntry {
  /** Undefined: the key never appeared. */
  type: JsonType | undefined;
  /** The key appeared more than once (only the first one is checked). */
  repeated: boolean;
}

function typeOfToken(token: TokenType): JsonType {
  switch (token) {
    case TokenType.LEFT_BRACKET:
      return 'list';
    case TokenType.LEFT_BRACE:
      return 'object';
    case TokenType.NULL:
      return 'null';
    case TokenType.STRING:
      return 'string';
    case TokenType.NUMBER:
      return 'number';
    default:
      return 'boolean';
  }
}

function isListName(key: string): key is CocoListName {
  return key === 'images' || key === 'annotations' || key === 'categories';
}

export class TopLevelTracker {
  /** Undefined until the first token: a file with no tokens holds no JSON. */
  rootType: JsonType | undefined;
  readonly lists: Record<CocoListName, TopLevelEntry> = {
    images: { type: undefined, repeated: false },
    annotations: { type: undefined, repeated: false },
    categories: { type: undefined, repeated: false },
  };
  /** The list whose entries the parser is emitting now; null outside a checked list. */
  openList: CocoListName | null = null;

  private depth = 0;
  private expectingKey = false;
  private awaitingValue = false;
  private key = '';

  observe(token: number, value: unknown): void {
    const depth = this.depth;
    if (depth === 1) this.observeTopLevel(token, value);
    else if (depth === 0 && this.rootType === undefined) {
      this.rootType = typeOfToken(token);
      this.expectingKey = true;
    }
    if (token === LEFT_BRACE || token === LEFT_BRACKET) this.depth = depth + 1;
    else if (token === RIGHT_BRACE || token === RIGHT_BRACKET) {
      this.depth = depth - 1;
    }
  }

  private observeTopLevel(token: number, value: unknown): void {
    if (this.rootType !== 'object') return;
    if (this.awaitingValue) {
      this.awaitingValue = false;
      this.enterValue(typeOfToken(token));
    } else if (token === STRING && this.expectingKey) {
      this.key = String(value);
      this.expectingKey = false;
    } else if (token === COLON) {
      this.awaitingValue = true;
    } else if (token === COMMA) {
      this.expectingKey = true;
    }
  }

  private enterValue(type: JsonType): void {
    this.openList = null;
    if (!isListName(this.key)) return;
    const entry = this.lists[this.key];
    if (entry.type !== undefined) {
      entry.repeated = true;
      return;
    }
    entry.type = type;
    if (type === 'list') this.openList = this.key;
  }
}
