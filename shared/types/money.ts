/** Money is integer cents end to end. A float never holds a sum of money. */
export type Cents = number;
