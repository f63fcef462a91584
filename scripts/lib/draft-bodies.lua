-- Shared by the load scripts' wrk Lua: the request bodies, one JSON draft per non-empty line of $CASES.
bodies = {}
for line in io.lines(os.getenv("CASES")) do
  if #line > 2 then bodies[#bodies + 1] = line end
end
