/**
 * Compiled by `tsc --noEmit` (npm test) and never run: each line marked @ts-expect-error must fail to
 * compile. If the sidebar's client stopped checking names or arguments, the directive would be
 * unused and tsc would fail.
 */
import { server } from '../../gas/sidebar/server-calls';

export async function typecheckOnly(): Promise<void> {
  // @ts-expect-error a misspelled server function
  await server('pursueBiuld', { totals: {} });
  // @ts-expect-error an argument of the wrong type (the note text must be a string)
  await server('pursueAddStatusNote', 42, 'AM', '5');
  // @ts-expect-error a menu command is not a sidebar call
  await server('pursueMenuBuild');
  // The right calls compile, and their results are typed.
  const summary = await server('pursueBuild', { ours: { sheet: 'Ours' }, theirs: { sheet: 'Theirs' } });
  const reconciled: boolean = summary.reconciled;
  void reconciled;
}
