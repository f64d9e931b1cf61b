/**
 * Opening a file on the page: the "Open file…" button (a file input behind it) and dropping files on
 * the grid area. Each file is read and added as a sheet by the caller's `open`; the line under the
 * formula bar says what happened, or why a file was not opened. Files dropped anywhere else on the
 * page are not opened by the browser in place of the preview.
 */

/** What opening one file gave: a sentence for the page, and whether it failed. */
export interface OpenOutcome {
  message: string;
  failed: boolean;
}

/** The page's elements for opening files. */
export interface FileOpenElements {
  button: HTMLButtonElement;
  input: HTMLInputElement;
  dropZone: HTMLElement;
  message: HTMLElement;
}

/** Shows the outcome of the last file opened. */
function show(element: HTMLElement, outcome: OpenOutcome): void {
  element.textContent = outcome.message;
  element.classList.toggle("failed", outcome.failed);
  element.hidden = false;
}

/**
 * Wires the button, the input and the drop zone to `open`, one file after another in the order given.
 * @param open Reads a file and adds it to the workbook; never throws for a bad file, it says so.
 */
export function attachFileOpen(
  elements: FileOpenElements,
  open: (file: File) => Promise<OpenOutcome>
): void {
  const { button, input, dropZone, message } = elements;
  let queue = Promise.resolve();
  const openAll = (files: File[]) => {
    for (const file of files)
      queue = queue.then(async () => {
        try {
          show(message, await open(file));
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          show(message, { message: `“${file.name}” could not be opened: ${reason}`, failed: true });
        }
      });
    return queue;
  };

  button.addEventListener("click", () => input.click());
  input.addEventListener("change", () => {
    const files = Array.from(input.files ?? []);
    // Cleared, so that picking the same file again opens it again.
    input.value = "";
    void openAll(files);
  });

  const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes("Files") ?? false;
  dropZone.addEventListener("dragover", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer!.dropEffect = "copy";
    dropZone.classList.add("drop-target");
  });
  dropZone.addEventListener("dragleave", (event) => {
    // Leaving for a child of the zone is not leaving the zone.
    if (!dropZone.contains(event.relatedTarget as Node | null))
      dropZone.classList.remove("drop-target");
  });
  dropZone.addEventListener("drop", (event) => {
    event.preventDefault();
    dropZone.classList.remove("drop-target");
    void openAll(Array.from(event.dataTransfer?.files ?? []));
  });
  // Elsewhere on the page a dropped file would replace the preview with the file itself.
  for (const type of ["dragover", "drop"] as const)
    window.addEventListener(type, (event) => {
      if (!hasFiles(event) || dropZone.contains(event.target as Node | null)) return;
      event.preventDefault();
      event.dataTransfer!.dropEffect = "none";
    });
}
