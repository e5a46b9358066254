// Entry point of the nnbook executable.

NNBookCLI.mainWithExitCodes()
