-- Headless Neovim 0.7 smoke test (vim.lsp.start does not exist before 0.8):
--   REFRAME_LS=… NOTE_FILE=… RESULT_FILE=… nvim --headless -u NONE -S nvim-test.lua
-- Opens the note, waits for Reframe's diagnostics, asks for code actions on the first finding,
-- applies the preferred "Replace with …" quick fix, waits for the re-lint and writes a JSON result.
local server = assert(os.getenv('REFRAME_LS'), 'REFRAME_LS not set')
local note = assert(os.getenv('NOTE_FILE'), 'NOTE_FILE not set')
local result_file = assert(os.getenv('RESULT_FILE'), 'RESULT_FILE not set')
local log = {}
local function say(...)
  local line = table.concat(vim.tbl_map(tostring, { ... }), ' ')
  table.insert(log, line)
  io.stderr:write(line .. '\n')
end

-- -u NONE skips filetype detection; turn it on as a normal config would (*.txt → "text").
vim.cmd('filetype on')
vim.cmd('edit ' .. vim.fn.fnameescape(note))
local bufnr = vim.api.nvim_get_current_buf()
say('nvim', vim.version().major .. '.' .. vim.version().minor .. '.' .. vim.version().patch, 'filetype', vim.bo.filetype)

local publishes = 0
local client_id = vim.lsp.start_client({
  name = 'reframe',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(note, ':h'),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      publishes = publishes + 1
      say('publishDiagnostics', #result.diagnostics, 'version', tostring(result.version))
      vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
  },
})
vim.lsp.buf_attach_client(bufnr, client_id)

local function finish(ok, extra)
  local out = { ok = ok, log = log, lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false) }
  for k, v in pairs(extra or {}) do out[k] = v end
  local f = assert(io.open(result_file, 'w'))
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.lsp.stop_client(client_id)
  vim.cmd(ok and 'qall!' or 'cquit! 1')
end

if not vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50) then
  finish(false, { error = 'no diagnostics' })
end
local diags = vim.diagnostic.get(bufnr)
table.sort(diags, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
local before = {}
for _, d in ipairs(diags) do
  say('DIAG', d.lnum + 1 .. ':' .. d.col + 1, d.source, d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code), d.message)
  table.insert(before, d.user_data.lsp.code)
end

-- Ask for code actions the way a user does (cursor on the finding, :lua vim.lsp.buf.code_action()),
-- and answer Neovim's menu (vim.ui.select) with the preferred action, which Neovim then applies.
local first = diags[1]
vim.api.nvim_win_set_cursor(0, { first.lnum + 1, first.col })
local chosen
local asked = false
vim.ui.select = function(items, _, on_choice)
  asked = true
  local pick
  for i, item in ipairs(items) do
    local action = item[2]
    say('ACTION', action.kind, action.title, action.isPreferred and '(preferred)' or '')
    if action.isPreferred and not pick then pick = i end
  end
  if pick then chosen = items[pick][2] end
  publishes = 0
  on_choice(pick and items[pick] or nil, pick)
end
vim.lsp.buf.code_action()
vim.wait(30000, function() return asked end, 50)
if not chosen then finish(false, { error = 'no preferred action' }) end
say('applied', chosen.title)
local relinted = vim.wait(30000, function() return publishes > 0 end, 50)
local after = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do table.insert(after, d.user_data.lsp.code) end
finish(relinted, { applied = chosen.title, before = before, after = after })
