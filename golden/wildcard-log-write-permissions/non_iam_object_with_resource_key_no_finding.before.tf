resource "aws_sfn_state_machine" "writer" {
  name     = "writer"
  role_arn = aws_iam_role.sfn.arn

  definition = jsonencode({
    StartAt = "Write"
    States = {
      Write = {
        Type     = "Task"
        Resource = "arn:aws:states:::aws-sdk:cloudwatchlogs:putLogEvents"
        Parameters = {
          LogGroupName  = "/app/audit"
          LogStreamName = "sfn"
        }
        End = true
      }
    }
  })
}
