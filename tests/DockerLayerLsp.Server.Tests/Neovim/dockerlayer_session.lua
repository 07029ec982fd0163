-- Headless Neovim (0.7+) session against `dockerlayer server`, driven by NeovimTests.cs.
-- Inputs (environment): DOCKERLAYER_CMD (JSON array), DOCKERLAYER_DOCKERFILE, DOCKERLAYER_OUTPUT.
-- Writes what the built-in LSP client received as JSON to DOCKERLAYER_OUTPUT, then quits.
local cmd = vim.fn.json_decode(os.getenv('DOCKERLAYER_CMD'))
local file = os.getenv('DOCKERLAYER_DOCKERFILE')
local output = os.getenv('DOCKERLAYER_OUTPUT')
local result = { diagnostics = {}, code_actions = {}, errors = {} }

local function collect(responses, field)
  for _, response in pairs(responses or {}) do
    if response.err then table.insert(result.errors, field .. ': ' .. tostring(response.err.message)) end
    if response.result then return response.result end
  end
  return nil
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'dockerlayer',
    cmd = cmd,
    root_dir = vim.fn.fnamemodify(file, ':h'),
    on_exit = function(code) result.exit_code = code end,
  })
  if not client_id then error('start_client failed') end
  vim.lsp.buf_attach_client(bufnr, client_id)

  vim.wait(60000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(result.diagnostics, {
      lnum = d.lnum, col = d.col, message = d.message, source = d.source,
      severity = d.severity, code = d.code or lsp.code,
    })
  end

  local client = vim.lsp.get_client_by_id(client_id)
  result.position_encoding = client.offset_encoding
  local uri = vim.uri_from_bufnr(bufnr)
  local line = result.diagnostics[1] and result.diagnostics[1].lnum or 0

  local hover = collect(vim.lsp.buf_request_sync(bufnr, 'textDocument/hover',
    { textDocument = { uri = uri }, position = { line = line, character = 1 } }, 20000), 'hover')
  if hover then result.hover = hover.contents.value or hover.contents end

  local actions = collect(vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = { start = { line = line, character = 0 }, ['end'] = { line = line, character = 0 } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, line) },
  }, 20000), 'codeAction')
  for _, action in ipairs(actions or {}) do
    local entry = { title = action.title, kind = action.kind, preferred = action.isPreferred == true, has_edit = action.edit ~= nil }
    if not action.edit then
      -- Neovim announces resolveSupport for `edit`: the server leaves edits to codeAction/resolve.
      local resolved = collect(vim.lsp.buf_request_sync(bufnr, 'codeAction/resolve', action, 20000), 'codeAction/resolve')
      entry.has_edit = resolved ~= nil and resolved.edit ~= nil
    end
    table.insert(result.code_actions, entry)
  end

  local symbols = collect(vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol', { textDocument = { uri = uri } }, 20000), 'documentSymbol')
  result.symbol_count = symbols and #symbols or 0

  client.stop()
  vim.wait(10000, function() return result.exit_code ~= nil end, 50)
end)
if not ok then table.insert(result.errors, tostring(err)) end

local handle = io.open(output, 'w')
handle:write(vim.fn.json_encode(result))
handle:close()
vim.cmd('qa!')
