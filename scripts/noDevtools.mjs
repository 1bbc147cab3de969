// Stands in for react-devtools-core in the bundle (see bundle.mjs): Ink's devtools hook, never used.
export default {initialize() {}, connectToDevTools() {}};
