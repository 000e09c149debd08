import type { ActionKind, CalibrationLead } from './schemas';

/**
 * A plain logistic-regression baseline for calibration: numeric actions standardised (missing →
 * training mean plus a missing indicator), binary actions 0/1, categorical actions one-hot over the
 * training values (not answered is a value of its own), L2 penalty on every weight but the
 * intercept, fitted by Newton's method (IRLS) with step halving. Deterministic: no random start,
 * no sampling, so the same leads give the same weights.
 */
export interface LogisticRegressionModel {
  columns: EncodedColumn[];
  intercept: number;
  weights: number[];
  iterations: number;
}

type EncodedColumn =
  | { kind: 'numeric'; action: string; mean: number; std: number }
  | { kind: 'missing'; action: string }
  | { kind: 'binary'; action: string }
  | { kind: 'level'; action: string; value: string };

/** A row as sparse (column, value) pairs; one-hot rows are mostly zeros. */
interface SparseRow {
  index: number[];
  value: number[];
}

function encoderColumns(
  leads: readonly CalibrationLead[],
  kinds: readonly { action: string; kind: ActionKind }[],
): EncodedColumn[] {
  const columns: EncodedColumn[] = [];
  for (const { action, kind } of kinds) {
    const present = leads.map((lead) => lead.actions[action] ?? null);
    const hasMissing = present.some((v) => v === null);
    if (kind === 'numeric') {
      const values = present.filter((v): v is number => typeof v === 'number');
      if (values.length === 0) continue;
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
      if (variance > 0) columns.push({ kind: 'numeric', action, mean, std: Math.sqrt(variance) });
      if (hasMissing) columns.push({ kind: 'missing', action });
    } else if (kind === 'binary') {
      if (present.some((v) => v === true) && present.some((v) => v === false)) columns.push({ kind: 'binary', action });
      if (hasMissing) columns.push({ kind: 'missing', action });
    } else {
      const levels = [...new Set(present.filter((v) => v !== null).map(String))].sort();
      if (levels.length + (hasMissing ? 1 : 0) < 2) continue;
      for (const value of levels) columns.push({ kind: 'level', action, value });
      if (hasMissing) columns.push({ kind: 'missing', action });
    }
  }
  return columns;
}

function encode(columns: readonly EncodedColumn[], lead: CalibrationLead): SparseRow {
  const row: SparseRow = { index: [], value: [] };
  columns.forEach((column, index) => {
    const raw = lead.actions[column.action] ?? null;
    let x = 0;
    switch (column.kind) {
      case 'numeric':
        x = typeof raw === 'number' ? (raw - column.mean) / column.std : 0;
        break;
      case 'missing':
        x = raw === null ? 1 : 0;
        break;
      case 'binary':
        x = raw === true ? 1 : 0;
        break;
      case 'level':
        x = raw !== null && String(raw) === column.value ? 1 : 0;
        break;
    }
    if (x !== 0) {
      row.index.push(index);
      row.value.push(x);
    }
  });
  return row;
}

function linear(row: SparseRow, intercept: number, weights: readonly number[]): number {
  let z = intercept;
  for (let k = 0; k < row.index.length; k++)
    z += (weights[row.index[k] as number] as number) * (row.value[k] as number);
  return z;
}

/** log(1 + e^z) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

function penalisedLoss(
  rows: readonly SparseRow[],
  y: readonly number[],
  b: number,
  w: readonly number[],
  l2: number,
): number {
  let loss = 0;
  rows.forEach((row, i) => {
    const z = linear(row, b, w);
    loss += softplus(z) - (y[i] as number) * z;
  });
  return loss + (l2 / 2) * w.reduce((s, v) => s + v * v, 0);
}

/** Solves A x = g for a symmetric positive-definite A (row-major, n×n, only the lower triangle is read) by Cholesky. */
function choleskySolve(a: Float64Array, g: readonly number[], n: number): number[] {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j] as number;
      for (let k = 0; k < j; k++) sum -= (l[i * n + k] as number) * (l[j * n + k] as number);
      if (i === j) l[i * n + i] = Math.sqrt(Math.max(sum, 1e-12));
      else l[i * n + j] = sum / (l[j * n + j] as number);
    }
  }
  const z = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let sum = g[i] as number;
    for (let k = 0; k < i; k++) sum -= (l[i * n + k] as number) * (z[k] as number);
    z[i] = sum / (l[i * n + i] as number);
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let sum = z[i] as number;
    for (let k = i + 1; k < n; k++) sum -= (l[k * n + i] as number) * (x[k] as number);
    x[i] = sum / (l[i * n + i] as number);
  }
  return x;
}

export function fitLogisticRegression(
  leads: readonly CalibrationLead[],
  kinds: readonly { action: string; kind: ActionKind }[],
  l2: number,
  maxIterations = 100,
): LogisticRegressionModel {
  const columns = encoderColumns(leads, kinds);
  const rows = leads.map((lead) => encode(columns, lead));
  const y = leads.map((lead) => (lead.converted ? 1 : 0));
  const d = columns.length;
  // Parameter 0 is the intercept, 1..d the weights; the intercept gets only a tiny ridge for stability.
  const n = d + 1;
  let intercept = 0;
  let weights = new Array<number>(d).fill(0);
  let loss = penalisedLoss(rows, y, intercept, weights, l2);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    // Only the lower triangle of the Hessian is accumulated; the solver reads nothing else.
    const hessian = new Float64Array(n * n);
    const gradient = new Array<number>(n).fill(0);
    rows.forEach((row, i) => {
      const p = 1 / (1 + Math.exp(-linear(row, intercept, weights)));
      const residual = p - (y[i] as number);
      const weight = p * (1 - p);
      gradient[0] = (gradient[0] as number) + residual;
      hessian[0] = (hessian[0] as number) + weight;
      for (let a = 0; a < row.index.length; a++) {
        const ia = (row.index[a] as number) + 1;
        const va = row.value[a] as number;
        gradient[ia] = (gradient[ia] as number) + residual * va;
        hessian[ia * n] = (hessian[ia * n] as number) + weight * va;
        for (let b = 0; b <= a; b++) {
          const ib = (row.index[b] as number) + 1;
          hessian[ia * n + ib] = (hessian[ia * n + ib] as number) + weight * va * (row.value[b] as number);
        }
      }
    });
    hessian[0] = (hessian[0] as number) + 1e-8;
    for (let j = 1; j < n; j++) {
      gradient[j] = (gradient[j] as number) + l2 * (weights[j - 1] as number);
      hessian[j * n + j] = (hessian[j * n + j] as number) + l2 + 1e-8;
    }
    const step = choleskySolve(hessian, gradient, n);
    let scale = 1;
    let nextIntercept = intercept;
    let nextWeights = weights;
    let nextLoss = loss;
    for (let halvings = 0; halvings < 30; halvings++) {
      nextIntercept = intercept - scale * (step[0] as number);
      nextWeights = weights.map((w, j) => w - scale * (step[j + 1] as number));
      nextLoss = penalisedLoss(rows, y, nextIntercept, nextWeights, l2);
      if (nextLoss <= loss) break;
      scale /= 2;
    }
    const largestStep = Math.max(...step.map((s) => Math.abs(s * scale)));
    if (nextLoss > loss) break;
    intercept = nextIntercept;
    weights = nextWeights;
    loss = nextLoss;
    if (largestStep < 1e-8) {
      iterations++;
      break;
    }
  }
  return { columns, intercept, weights, iterations };
}

/** The model's log-odds of conversion for a lead (monotone in its probability, enough for AUC). */
export function predictLogOdds(model: LogisticRegressionModel, lead: CalibrationLead): number {
  return linear(encode(model.columns, lead), model.intercept, model.weights);
}
