import { TerraformStack, type TerraformBackend } from 'cdktf';

/**
 * The base of every stack lz writes. cdktf looks up the producing stack's backend once for every
 * stack that reads one of its outputs, by walking the producer's whole construct tree; with one
 * spoke stack per account reading the organization stack, that walk made synth time grow with the
 * square of the number of accounts (node --cpu-prof at 3,000 accounts: ensureBackendExists 5.5 s of
 * 28 s). The backend, once found, is remembered. Whether the stack has been prepared is remembered
 * too, so that the cloud bootstrap, which needs every stack's cross-stack reads, prepares a stack
 * only when synth has not (a second preparing pass costs as much as the first).
 */
export class LandingZoneStack extends TerraformStack {
  private knownBackend?: TerraformBackend;
  /** Whether cdktf's preparing pass has run, which records the stack's cross-stack references. */
  private preparedOnce = false;

  get prepared(): boolean {
    return this.preparedOnce;
  }

  override prepareStack(): void {
    super.prepareStack();
    this.preparedOnce = true;
  }

  override ensureBackendExists(): TerraformBackend {
    this.knownBackend ??= super.ensureBackendExists();
    return this.knownBackend;
  }
}
