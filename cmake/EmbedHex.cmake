# clusterkg_embed_file(VAR FILE TARGET_EXPR): appends to VAR the C++
# statements `TARGET_EXPR += "\xNN…";` that rebuild FILE's bytes, in
# string literals of at most 8000 bytes. Used by EmbedRules.cmake and
# EmbedWeb.cmake.
function(clusterkg_embed_file var file target)
  file(READ "${file}" content HEX)
  string(LENGTH "${content}" len)
  set(out "${${var}}")
  set(pos 0)
  while(pos LESS len)
    string(SUBSTRING "${content}" ${pos} 8000 chunk)
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" chunk "${chunk}")
    string(APPEND out "    ${target} += \"${chunk}\";\n")
    math(EXPR pos "${pos} + 8000")
  endwhile()
  set(${var} "${out}" PARENT_SCOPE)
endfunction()
