import { TerraformStack, type TerraformBackend } from 'cdktf';

/**
 * The base of every stack lz writes. cdktf looks up the producing stack's backend once for every
 * stack that reads one of its outputs, by walking the producer's whole construct tree; with one
 * spoke stack per account reading the organization stack, that walk made synth time grow with the
 * square of the number of accounts (node --cpu-prof at 3,000 accounts: ensureBackendExists 5.5 s of
 * 28 s). The backend, once found, is remembered.
 */
export class LandingZoneStack extends TerraformStack {
  private knownBackend?: TerraformBackend;

  override ensureBackendExists(): TerraformBackend {
    this.knownBackend ??= super.ensureBackendExists();
    return this.knownBackend;
  }
}
