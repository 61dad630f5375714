import {
  create,
  parseDependencies,
  addDependencies,
  subtractDependencies,
  multiplyDependencies,
  divideDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  roundDependencies,
  minDependencies,
  maxDependencies,
  absDependencies,
  sumDependencies,
  bignumberDependencies,
  type MathNode,
  type BigNumber,
} from 'mathjs';

/**
 * Staff expressions from the Metrics table. mathjs only parses; we evaluate the tree ourselves
 * over a whitelist (numbers, metric keys, + − × ÷, parentheses, round/min/max/abs/sum), so
 * nothing in a workbook can reach import, createUnit, evaluate, parse, simplify, derivative,
 * resolve, constructors or prototypes. Arithmetic is BigNumber, so 0.1 + 0.2 is 0.3.
 */
const math = create(
  {
    parseDependencies,
    addDependencies,
    subtractDependencies,
    multiplyDependencies,
    divideDependencies,
    unaryMinusDependencies,
    unaryPlusDependencies,
    roundDependencies,
    minDependencies,
    maxDependencies,
    absDependencies,
    sumDependencies,
    bignumberDependencies,
  },
  { number: 'BigNumber', precision: 64 },
);

export const ALLOWED_FUNCTIONS = ['round', 'min', 'max', 'abs', 'sum'] as const;
const OPERATORS: Record<string, 'add' | 'subtract' | 'multiply' | 'divide'> = { '+': 'add', '-': 'subtract', '*': 'multiply', '/': 'divide' };

export type ExprResult = { ok: true; value: number } | { ok: false; kind: 'refused' | 'unknown' | 'missing' | 'failed'; detail: string };

export interface ParsedExpression {
  node: MathNode;
  /** Metric keys the expression reads. */
  refs: string[];
}

/** Why an expression was refused or gave no value, in both languages of the report. */
export interface Why {
  vi: string;
  en: string;
}

/** A reason about an expression: `message` is the English reason, `vi` the Vietnamese one. */
class ExpressionProblem extends Error {
  readonly vi: string;
  constructor(why: Why) {
    super(why.en);
    this.vi = why.vi;
  }
}

/** An expression the checks refuse. */
export class ExpressionRefused extends ExpressionProblem {}

/** An expression that was accepted but gives no value for these figures (division by zero…). */
export class ExpressionFailed extends ExpressionProblem {}

/** The reason an ExpressionRefused or ExpressionFailed gives, in `lang`. */
export function reasonOf(e: ExpressionRefused | ExpressionFailed, lang: 'vi' | 'en'): string {
  return lang === 'vi' ? e.vi : e.message;
}

const refused = (vi: string, en: string) => new ExpressionRefused({ vi, en });
const failed = (vi: string, en: string) => new ExpressionFailed({ vi, en });

const MAX_LENGTH = 500;

/** Parses and checks an expression. Throws ExpressionRefused with a short reason in both languages. */
export function parseExpression(source: string): ParsedExpression {
  if (source.length > MAX_LENGTH) throw refused(`dài quá ${MAX_LENGTH} ký tự`, `longer than ${MAX_LENGTH} characters`);
  const text = source.normalize('NFC').replace(/[×]/g, '*').replace(/[÷:]/g, '/').replace(/[−–]/g, '-');
  if (!/^[A-Za-z0-9_+\-*/().,\s]*$/.test(text)) throw refused('có ký tự ngoài chữ cái không dấu, chữ số và _ + - * / ( ) , .', 'contains characters other than letters, digits, _ + - * / ( ) , .');
  let node: MathNode;
  try {
    node = math.parse(text);
  } catch (e) {
    const at = /\(char (\d+)\)/.exec((e as Error).message)?.[1];
    throw refused(`sai cú pháp${at ? ` ở ký tự thứ ${at}` : ''}`, `cannot be read (${(e as Error).message})`);
  }
  const refs = new Set<string>();
  check(node, refs, 0);
  return { node, refs: [...refs] };
}

function check(node: MathNode, refs: Set<string>, depth: number): void {
  if (depth > 50) throw refused('lồng quá nhiều lớp ngoặc', 'nested too deeply');
  const n = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case 'ConstantNode':
      if (typeof n.value !== 'number' && !isBig(n.value) && typeof n.value !== 'string') throw refused('chỉ được dùng số làm hằng số', 'only numbers are allowed as constants');
      if (typeof n.value === 'string' && !/^\d+(\.\d+)?$/.test(n.value)) throw refused('chỉ được dùng số làm hằng số', 'only numbers are allowed as constants');
      return;
    case 'SymbolNode': {
      const name = String(n.name);
      if ((ALLOWED_FUNCTIONS as readonly string[]).includes(name)) throw refused(`hàm ${name} phải có đối số trong ngoặc`, `${name} must be called`);
      refs.add(name);
      return;
    }
    case 'ParenthesisNode':
      return check(n.content as MathNode, refs, depth + 1);
    case 'OperatorNode': {
      const args = n.args as MathNode[];
      const op = String(n.op);
      const ok = args.length === 2 ? op in OPERATORS : args.length === 1 && (op === '-' || op === '+');
      if (!ok) throw refused(`không được dùng phép toán ${op}`, `operator ${op} is not allowed`);
      for (const a of args) check(a, refs, depth + 1);
      return;
    }
    case 'FunctionNode': {
      const fn = n.fn as MathNode & { name?: string };
      if (fn.type !== 'SymbolNode' || !(ALLOWED_FUNCTIONS as readonly string[]).includes(String(fn.name))) {
        const name = fn.type === 'SymbolNode' ? fn.name : '(…)';
        throw refused(`không được dùng hàm ${name} (chỉ dùng ${ALLOWED_FUNCTIONS.join(', ')})`, `function ${name} is not allowed (only ${ALLOWED_FUNCTIONS.join(', ')})`);
      }
      const args = n.args as MathNode[];
      if (args.length === 0 || args.length > 100) throw refused(`hàm ${fn.name} cần có đối số`, `${fn.name} needs arguments`);
      if (fn.name === 'round' && args.length > 2) throw refused('hàm round nhận một giá trị và số chữ số thập phân', 'round takes a value and a number of decimals');
      if (fn.name === 'abs' && args.length !== 1) throw refused('hàm abs nhận một giá trị', 'abs takes one value');
      for (const a of args) check(a, refs, depth + 1);
      return;
    }
    default:
      throw refused(`không được dùng cấu trúc ${node.type.replace(/Node$/, '')}`, `${node.type.replace(/Node$/, '')} is not allowed`);
  }
}

function isBig(v: unknown): v is BigNumber {
  return typeof v === 'object' && v !== null && (v as { isBigNumber?: boolean }).isBigNumber === true;
}

/** Evaluates a checked expression with the given metric values (numbers). */
export function evaluateExpression(parsed: ParsedExpression, scope: Map<string, number>): number {
  const v = walk(parsed.node, scope);
  const out = v.toNumber();
  if (!Number.isFinite(out)) throw failed('kết quả không phải là một số hữu hạn', 'result is not a finite number');
  return out;
}

function walk(node: MathNode, scope: Map<string, number>): BigNumber {
  const n = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case 'ConstantNode':
      return math.bignumber(String(n.value)) as BigNumber;
    case 'SymbolNode': {
      const v = scope.get(String(n.name));
      if (v === undefined) throw failed(`${n.name} chưa có giá trị`, `${n.name} has no value`);
      return math.bignumber(String(v)) as BigNumber;
    }
    case 'ParenthesisNode':
      return walk(n.content as MathNode, scope);
    case 'OperatorNode': {
      const args = (n.args as MathNode[]).map((a) => walk(a, scope));
      if (args.length === 1) return n.op === '-' ? (math.unaryMinus(args[0]) as BigNumber) : args[0];
      if (n.op === '/' && args[1].isZero()) throw failed('chia cho 0', 'division by zero');
      return math[OPERATORS[String(n.op)]](args[0], args[1]) as BigNumber;
    }
    case 'FunctionNode': {
      const name = String((n.fn as { name: string }).name);
      const args = (n.args as MathNode[]).map((a) => walk(a, scope));
      switch (name) {
        case 'round': {
          const digits = args[1] ? args[1].toNumber() : 0;
          if (!Number.isInteger(digits) || digits < 0 || digits > 15) throw failed('hàm round nhận từ 0 đến 15 chữ số thập phân', 'round takes 0 to 15 decimals');
          // half away from zero, as the report rounds
          return args[0].toDecimalPlaces(digits, 4) as unknown as BigNumber;
        }
        case 'abs':
          return math.abs(args[0]) as BigNumber;
        case 'min':
          return math.min(...args) as BigNumber;
        case 'max':
          return math.max(...args) as BigNumber;
        default:
          return math.sum(...args) as BigNumber;
      }
    }
    default:
      throw failed(`không được dùng cấu trúc ${node.type}`, `${node.type} is not allowed`);
  }
}
