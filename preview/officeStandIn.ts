/**
 * Loaded by the task pane's page in the preview instead of Microsoft's office.js: installs the
 * Office.js stand-in on the pane's window, talking to the simulated workbook of the preview page
 * that holds the pane in a frame (window.parent.__previewHost).
 */
import { createOfficeStandIn } from "./standIn/office";
import type { PreviewHost } from "./standIn/protocol";

function findHost(): PreviewHost {
  const host = (window.parent as unknown as { __previewHost?: PreviewHost }).__previewHost;
  if (!host)
    throw new Error(
      "Office stand-in: no simulated workbook. Open the preview page (npm run preview) rather than taskpane.html."
    );
  return host;
}

const domReady = new Promise<void>((resolve) => {
  if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", () => resolve(), { once: true });
  else resolve();
});

const globals = createOfficeStandIn(findHost, domReady);
Object.assign(window, globals);
try {
  findHost();
} catch (error) {
  // Shown in the pane, since it cannot work without the page around it.
  domReady.then(() =>
    document.body.prepend(
      Object.assign(document.createElement("p"), { textContent: String(error) })
    )
  );
  throw error;
}
