/** Before the end-to-end tests: builds what they serve, when it is missing or older than its sources. */
import { buildIfNeeded } from "./build";

export default function globalSetup(): void {
  buildIfNeeded();
}
