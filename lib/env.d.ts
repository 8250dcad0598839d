interface ImportMetaEnv {
  /** 'open' only in the end-to-end build, so tests can see inside the guide's shadow root. */
  readonly DF_GUIDE_SHADOW?: 'open' | 'closed';
}
