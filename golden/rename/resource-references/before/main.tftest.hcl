override_resource {
  target = aws_s3_bucket.logs
  values = {
    arn = "arn:aws:s3:::logs"
  }
}

run "policy_needs_the_bucket" {
  command = plan

  variables {
    prefix = "test"
  }

  expect_failures = [aws_s3_bucket.logs]
}

run "other_module" {
  module {
    source = "./tests/setup"
  }

  assert {
    condition     = aws_s3_bucket.logs.bucket != ""
    error_message = "this run tests another module: its aws_s3_bucket.logs stays"
  }
}
