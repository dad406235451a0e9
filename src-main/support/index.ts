export { createSupportBundle, policyForSupport, supportBundleName, SECRET_PLACEHOLDER, type AppInfo, type SupportBundleInput } from './bundle.ts';
export { createTar, type TarEntry } from './tar.ts';
