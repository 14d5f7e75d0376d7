;;; eglot-test.el --- headless Emacs + eglot smoke test for reframe-language-server  -*- lexical-binding: t -*-
;; Run WITHOUT -Q (Debian's site-start puts elpa-eglot on the load-path):
;;   REFRAME_LS=… NOTE_FILE=… RESULT_FILE=… emacs --batch -l eglot-test.el
;; Opens the note in text-mode, waits for diagnostics, asks for code actions on the first finding,
;; applies the preferred quick fix with eglot's own workspace-edit code, and writes a JSON result.
(package-initialize)
(require 'eglot)
(require 'flymake)
(require 'json)

(defvar reframe-log nil)
(defun reframe-say (fmt &rest args)
  (let ((line (apply #'format fmt args)))
    (push line reframe-log)
    (message "%s" line)))

(defvar reframe-publishes 0)
(defvar reframe-last-count -1)
(advice-add 'eglot-handle-notification :before
            (lambda (_server method &rest params)
              (when (eq method 'textDocument/publishDiagnostics)
                (setq reframe-publishes (1+ reframe-publishes))
                (setq reframe-last-count (length (plist-get params :diagnostics)))
                (reframe-say "publishDiagnostics %d" reframe-last-count))))

(defun reframe-wait (pred seconds)
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    (funcall pred)))

(defun reframe-finish (ok &rest extra)
  (with-temp-file (getenv "RESULT_FILE")
    (insert (json-encode
             (append (list (cons 'ok (if ok t :json-false))
                           (cons 'log (vconcat (reverse reframe-log)))
                           (cons 'text (with-current-buffer reframe-buffer
                                         (buffer-substring-no-properties (point-min) (point-max)))))
                     extra))))
  (ignore-errors (eglot-shutdown (eglot-current-server)))
  (kill-emacs (if ok 0 1)))

(setq eglot-server-programs
      `((text-mode . ("node" ,(getenv "REFRAME_LS") "--stdio"))))
(setq eglot-sync-connect 30)
(defvar reframe-buffer (find-file (getenv "NOTE_FILE")))
(text-mode)
(reframe-say "emacs %s eglot %s" emacs-version (or (ignore-errors (pkg-info-version-info 'eglot)) "1.9"))
(apply #'eglot (eglot--guess-contact))

(unless (reframe-wait (lambda () (> reframe-last-count 0)) 30)
  (reframe-finish nil '(error . "no diagnostics")))
(flymake-start)
(reframe-wait (lambda () (flymake-diagnostics)) 10)
(let* ((diags (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))
       (first (car diags)))
  (dolist (d diags)
    (reframe-say "FLYMAKE %s-%s %s" (flymake-diagnostic-beg d) (flymake-diagnostic-end d) (flymake-diagnostic-text d)))
  (let* ((actions (eglot-code-actions (flymake-diagnostic-beg first) (flymake-diagnostic-end first)))
         (preferred (seq-find (lambda (a) (plist-get a :isPreferred)) actions)))
    (dolist (a actions) (reframe-say "ACTION %s %s" (plist-get a :kind) (plist-get a :title)))
    (unless preferred (reframe-finish nil '(error . "no preferred action")))
    (setq reframe-publishes 0)
    (eglot--apply-workspace-edit (plist-get preferred :edit))
    ;; eglot sends didChange from an idle timer, which batch mode never reaches: send it now.
    (eglot--signal-textDocument/didChange)
    (reframe-say "applied %s" (plist-get preferred :title))
    (let ((relinted (reframe-wait (lambda () (> reframe-publishes 0)) 30)))
      (reframe-finish relinted
                      (cons 'applied (plist-get preferred :title))
                      (cons 'before (length diags))
                      (cons 'after reframe-last-count)))))
