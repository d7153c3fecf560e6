"use strict";
// The review page (narrator.review_web): decisions by button or key (c, f, s, e).
const name = document.getElementById("reviewer");
name.value = localStorage.getItem("narrator-reviewer") || "";
name.addEventListener("change", () => localStorage.setItem("narrator-reviewer", name.value));
async function decide(decision) {
  const err = document.getElementById("error");
  if (!name.value.trim()) { err.textContent = "Enter your name first."; name.focus(); return; }
  const body = {text_id: document.getElementById("text-id").textContent,
                decision: decision, reviewer: name.value.trim()};
  if (decision === "edit") body.edited_body = document.getElementById("edited").value;
  const r = await fetch("api/review/decisions", {method: "POST",
    headers: {"content-type": "application/json"}, body: JSON.stringify(body)});
  if (r.ok) { location.href = "review"; return; }
  err.textContent = (await r.json()).error || "refused";
}
document.querySelectorAll("button[data-decision]").forEach(
  b => b.addEventListener("click", () => decide(b.dataset.decision)));
document.getElementById("edit-open").addEventListener("click", () => {
  document.getElementById("editor").hidden = false; document.getElementById("edited").focus(); });
document.addEventListener("keydown", e => {
  if (["INPUT", "TEXTAREA"].includes(e.target.tagName) || e.ctrlKey || e.metaKey) return;
  const keys = {c: "confirm", f: "false_flag", s: "skip"};
  if (keys[e.key]) decide(keys[e.key]);
  if (e.key === "e") { e.preventDefault(); document.getElementById("edit-open").click(); }
});
