export type TimeOperator =
  | 'none'
  | 'latest'
  | 'asOf'
  | 'since'
  | 'before'
  | 'after'
  | 'between'
  | 'timeline'
  | 'whatsNew'
  | 'evolution'
  | 'outcome';
/** Dates are ISO YYYY-MM-DD, inclusive; absent means open. */
export interface TimeScope {
  operator: TimeOperator;
  from?: string;
  to?: string;
  phrase?: string;
}
