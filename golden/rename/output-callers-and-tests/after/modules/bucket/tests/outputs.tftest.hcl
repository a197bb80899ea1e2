run "setup" {
  command = apply
}

run "check_arn" {
  command = plan

  assert {
    condition     = startswith(output.arn, "arn:aws:s3")
    error_message = "unexpected ARN ${output.arn}"
  }

  assert {
    condition     = run.setup.arn == output.arn
    error_message = "the ARN changed"
  }
}
