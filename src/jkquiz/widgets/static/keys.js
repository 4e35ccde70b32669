// Keyboard help for one jkquiz quiz (loaded by anywidget; jkquiz/widgets/keys.py sends the messages).
// - A question's radio choices become one named group: one Tab stop, arrow keys move between choices.
// - After Check, focus moves to the feedback; "Next question" moves it to the next question's first control
//   (the quiz's next item, or the next quiz on the page: another cell).
// Grading never happens here: the kernel decides, this only moves the focus.

const CONTROL = "input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])";
const WAIT_MS = 5000; // the kernel's answer (new controls, the feedback) arrives after the message: wait for it
// one counter for the page (each quiz loads this module anew): every choice group gets its own name
const page = (window.__jkquizKeys = window.__jkquizKeys || { groups: 0 });

function groupRadios(quiz) {
  const prompt = quiz.querySelector(".jkq-prompt");
  quiz.querySelectorAll(".widget-radio-box").forEach((box) => {
    if (!box.dataset.jkqGroup) box.dataset.jkqGroup = `jkq-choice-${++page.groups}`;
    box.setAttribute("role", "radiogroup");
    if (prompt) box.setAttribute("aria-label", prompt.textContent.trim());
    box.querySelectorAll("input[type=radio]").forEach((radio) => {
      if (radio.name !== box.dataset.jkqGroup) radio.name = box.dataset.jkqGroup;
    });
  });
}

// The first control of a quiz's question: the chosen radio (or the first), else the first enabled control.
function firstControl(quiz) {
  const area = quiz.querySelector(".jkq-area");
  if (!area) return null;
  const radios = Array.from(area.querySelectorAll("input[type=radio]:not([disabled])"));
  if (radios.length) return radios.find((r) => r.checked) || radios[0];
  return area.querySelector(CONTROL);
}

const OWN_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "Enter", " "]);

function keepKeys(event) {
  const modified = event.ctrlKey || event.altKey || event.metaKey || event.shiftKey;
  if (!modified && OWN_KEYS.has(event.key) && event.target.matches("input, select, textarea, button")) {
    event.stopPropagation(); // the page (JupyterLab) listens in the bubbling phase: it never sees them
  }
}

function visible(el) {
  return !!el && el.isConnected && el.getClientRects().length > 0;
}

// Focus what `find()` gives once it is there and shown (the kernel's update may still be on its way).
function focusWhenReady(find) {
  const start = performance.now();
  const step = () => {
    const target = find();
    if (visible(target)) {
      target.focus();
      target.scrollIntoView({ block: "nearest" });
      return;
    }
    if (performance.now() - start < WAIT_MS) requestAnimationFrame(step);
  };
  step();
}

function quizzesAfter(quiz) {
  return Array.from(document.querySelectorAll(".jkquiz")).filter(
    (other) => other !== quiz && other.querySelector(".jkq-area") &&
      (quiz.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING) &&
      !quiz.contains(other));
}

const ACTIONS = {
  feedback: (quiz) => focusWhenReady(() => quiz.querySelector(".jkq-feedback-focus")),
  first: (quiz) => focusWhenReady(() => firstControl(quiz)),
  results: (quiz) => focusWhenReady(() => quiz.querySelector(".jkq-score")),
  next: (quiz) => {
    const next = quizzesAfter(quiz)[0];
    if (next) focusWhenReady(() => firstControl(next));
  },
};

function render({ model, el }) {
  let quiz = null;
  let observer = null;
  const attach = () => {
    quiz = el.closest(".jkquiz");
    if (!quiz) return false;
    // JupyterLab's notebook shortcuts (arrows select cells, Enter edits one) would take the keys a learner
    // uses on the quiz's radios, lists and buttons: on a quiz's control, those keys stay with the control.
    if (!quiz.dataset.jkqKeys) {
      quiz.dataset.jkqKeys = "1";
      quiz.addEventListener("keydown", keepKeys);
    }
    groupRadios(quiz);
    observer = new MutationObserver(() => groupRadios(quiz));
    observer.observe(quiz, { childList: true, subtree: true });
    return true;
  };
  // The view is drawn before it is placed in the page (JupyterLab places cells far down later): look until it is.
  let closed = false;
  const tryAttach = () => {
    if (!closed && !attach()) setTimeout(tryAttach, 100);
  };
  tryAttach();
  const onMessage = (msg) => {
    if (!quiz) attach();
    const action = msg && ACTIONS[msg.do];
    if (quiz && action) action(quiz);
  };
  model.on("msg:custom", onMessage);
  return () => {
    closed = true;
    model.off("msg:custom", onMessage);
    if (observer) observer.disconnect();
  };
}

export default { render };
