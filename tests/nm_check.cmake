# Fails when the library's own objects call anything that prints or aborts.
execute_process(COMMAND nm -C --undefined-only "${LIB}" OUTPUT_VARIABLE syms RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "nm failed on ${LIB}")
endif()
foreach(bad IN ITEMS "U abort$" "U exit$" "U printf$" "U puts$" "U putchar$" "U fprintf$"
                     "U fputs$" "U perror$" "std::cout" "std::cerr" "std::clog")
  string(REGEX MATCH "[^\n]*${bad}[^\n]*" hit "${syms}")
  if(hit)
    message(FATAL_ERROR "the library references '${hit}'")
  endif()
endforeach()
message(STATUS "no printing or aborting symbols in ${LIB}")
