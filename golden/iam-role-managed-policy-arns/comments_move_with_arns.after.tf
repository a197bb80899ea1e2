resource "aws_iam_role" "worker" {
  name               = "worker"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

# Policies the worker needs to run.
resource "aws_iam_role_policy_attachment" "worker" {
  for_each = {
    # Read the queue.
    AmazonSQSReadOnlyAccess     = "arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess"
    AmazonS3ReadOnlyAccess      = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess" # artifacts bucket
    CloudWatchAgentServerPolicy = "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy"
    # TODO: drop once the agent is gone.
  }

  role       = aws_iam_role.worker.name
  policy_arn = each.value
}
