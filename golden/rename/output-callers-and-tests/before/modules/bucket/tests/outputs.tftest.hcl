run "setup" {
  command = apply
}

run "check_arn" {
  command = plan

  assert {
    condition     = startswith(output.bucket_arn, "arn:aws:s3")
    error_message = "unexpected ARN ${output.bucket_arn}"
  }

  assert {
    condition     = run.setup.bucket_arn == output.bucket_arn
    error_message = "the ARN changed"
  }
}
